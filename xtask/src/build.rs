//! The page build: Trunk in release mode into `dist/`, with binaryen's wasm-opt from
//! `e2e/node_modules/.bin` (behind a cache of its outputs, `wasm_opt_cache`) first on PATH. Builds are reproducible: `SOURCE_DATE_EPOCH` is the
//! last commit's time unless the caller set it. After Trunk, `finish` adds what Trunk cannot
//! write: short import names for the page's wasm, the one-file page and the service worker's
//! stamp. (A job module, not a Cargo build script.)

use crate::{Ctx, Result, first_line, imports, onefile, run, sw};
use std::path::Path;

pub fn page(ctx: &Ctx) -> Result {
    println!(
        "==> build the page (trunk, release) into {}",
        ctx.dist().display()
    );
    let mut trunk = command(ctx);
    run(&mut trunk).map_err(|e| {
        format!("{e}\n  the page did not build; the messages above say why (Trunk.toml, index.html, src/)")
    })?;
    finish(&ctx.dist())?;
    copy_chunks(ctx, &ctx.dist())
}

/// Where `build.rs` writes a large corpus's text chunks (`COVERAGE_CHUNKS_OUT`); empty after a
/// build whose texts are inside the wasm.
pub fn chunks_dir(ctx: &Ctx) -> std::path::PathBuf {
    ctx.target_dir().join("xtask/chunks")
}

/// Copies the text chunks of the last build, if it made any, into `dist/chunks/` — after the
/// service worker's stamp, so they are fetched when shown, not all cached at install.
pub fn copy_chunks(ctx: &Ctx, dist: &Path) -> Result {
    let from = chunks_dir(ctx);
    let files: Vec<_> = std::fs::read_dir(&from)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "bin"))
        .collect();
    if files.is_empty() {
        return Ok(());
    }
    let to = dist.join("chunks");
    std::fs::create_dir_all(&to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for file in &files {
        let target = to.join(file.file_name().unwrap_or_default());
        std::fs::copy(file, &target).map_err(|e| {
            format!(
                "cannot copy {} to {}: {e}",
                file.display(),
                target.display()
            )
        })?;
    }
    println!(
        "    copied {} text chunks into {}",
        files.len(),
        to.display()
    );
    Ok(())
}

/// Shortens the page's import names in Trunk's output in `dist`, writes from it the one-file
/// page, and stamps the service worker with the app shell (every file but the one-file page).
pub fn finish(dist: &Path) -> Result {
    let shortened = imports::shorten(dist)?;
    println!("    shortened {shortened} import names of the page's wasm and glue");
    let page = onefile::write(dist)?;
    println!("    wrote {}", page.display());
    sw::stamp(dist, &[onefile::FILE_NAME])?;
    println!("    stamped {}", dist.join(sw::FILE_NAME).display());
    Ok(())
}

/// `trunk build --release --locked --dist <root>/dist` with the environment it needs.
pub fn command(ctx: &Ctx) -> std::process::Command {
    command_into(ctx, &ctx.dist())
}

/// The same build into another folder.
pub fn command_into(ctx: &Ctx, dist: &Path) -> std::process::Command {
    let mut trunk = ctx.command("trunk");
    trunk
        .args(["build", "--release", "--locked", "--dist"])
        .arg(dist)
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("COVERAGE_CHUNKS_OUT", chunks_dir(ctx));
    let path = ctx.path_with(&ctx.e2e().join("node_modules/.bin"));
    let path = match wasm_opt_cache(ctx) {
        Ok(shim) => std::env::join_paths(std::iter::once(shim).chain(std::env::split_paths(&path)))
            .expect("PATH entries contain no separator"),
        Err(message) => {
            println!("    wasm-opt runs without its cache: {message}");
            path
        }
    };
    trunk.env("PATH", path);
    if std::env::var_os("SOURCE_DATE_EPOCH").is_none() {
        match first_line(ctx.command("git").args(["log", "-1", "--format=%ct"])) {
            Some(epoch) if epoch.parse::<u64>().is_ok() => {
                println!("    SOURCE_DATE_EPOCH={epoch} (last commit)");
                trunk.env("SOURCE_DATE_EPOCH", epoch);
            }
            _ => println!("    no git history here: the build date will be today's"),
        }
    }
    trunk
}

/// Writes the `wasm-opt` that Trunk finds first on PATH: a script that keeps each output of
/// binaryen's wasm-opt (`e2e/node_modules/.bin`) under the hash of its input and its options in
/// `target/xtask/wasm-opt-cache`, and hands it back for the same input. wasm-opt is a pure
/// function of the two, and binaryen compiled to JavaScript takes a minute or more for the
/// reading worker's wasm: `cargo xtask test` builds the page three times (the release, the
/// reproducible-build check, the hostile corpus), where the worker's wasm and, in the check,
/// the page's are the same every time. Returns the script's folder.
fn wasm_opt_cache(ctx: &Ctx) -> Result<std::path::PathBuf> {
    let dir = ctx.target_dir().join("xtask/bin");
    let cache = ctx.target_dir().join("xtask/wasm-opt-cache");
    prune(&cache, KEPT_OUTPUTS);
    let script = wasm_opt_script(&ctx.e2e().join("node_modules/.bin/wasm-opt"), &cache);
    let path = dir.join("wasm-opt");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(script.as_str()) {
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&path, &script))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| format!("cannot make {} executable: {e}", path.display()))?;
    }
    Ok(dir)
}

/// How many of wasm-opt's outputs the cache keeps (the newest): a few builds' worth.
const KEPT_OUTPUTS: usize = 12;

/// Deletes all but the `keep` newest files of `dir` (best effort: a file that cannot be read or
/// deleted stays).
fn prune(dir: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, std::path::PathBuf)> = entries
        .flatten()
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, path) in files.into_iter().skip(keep) {
        let _ = std::fs::remove_file(path);
    }
}

/// The caching `wasm-opt` script for the real one at `real`, keeping outputs in `cache`. Any
/// call that is not Trunk's (`--output=OUT`, options, one input file), such as `--version`, goes
/// straight to the real one.
fn wasm_opt_script(real: &Path, cache: &Path) -> String {
    let quote = |p: &Path| format!("'{}'", p.display().to_string().replace('\'', "'\\''"));
    format!(
        r#"#!/bin/sh
# Written by `cargo xtask` (xtask/src/build.rs): binaryen's wasm-opt with its outputs kept under
# the hash of the input and the options.
set -eu
real={real}
cache={cache}
out=
input=
options=
for arg in "$@"; do
  case "$arg" in
    --output=*) out="${{arg#--output=}}" ;;
    -*) options="$options $arg" ;;
    *) if [ -z "$input" ] && [ -f "$arg" ]; then input="$arg"; else options="$options $arg"; fi ;;
  esac
done
if [ -z "$out" ] || [ -z "$input" ]; then
  exec "$real" "$@"
fi
key=$( {{ printf '%s\n' "$options"; cat "$input"; }} | sha256sum | cut -c1-64)
if [ -f "$cache/$key.wasm" ]; then
  cp "$cache/$key.wasm" "$out"
  exit 0
fi
"$real" "$@"
mkdir -p "$cache"
cp "$out" "$cache/$key.wasm.$$"
mv "$cache/$key.wasm.$$" "$cache/$key.wasm"
"#,
        real = quote(real),
        cache = quote(cache),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for binaryen that counts its runs and "optimises" by appending a byte.
    fn fake_binaryen(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("real-wasm-opt");
        std::fs::write(
            &path,
            "#!/bin/sh\necho run >> \"$(dirname \"$0\")/runs\"\nfor a in \"$@\"; do case \"$a\" in --output=*) out=\"${a#--output=}\";; -*) ;; *) in=\"$a\";; esac; done\n{ cat \"$in\"; printf x; } > \"$out\"\n",
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        path
    }

    #[test]
    #[cfg(unix)]
    fn wasm_opt_runs_once_per_input_and_options() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("xtask-wasm-opt-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let real = fake_binaryen(&dir);
        let shim = dir.join("wasm-opt");
        std::fs::write(&shim, wasm_opt_script(&real, &dir.join("cache"))).unwrap();
        std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::write(dir.join("a.wasm"), "A").unwrap();
        std::fs::write(dir.join("b.wasm"), "B").unwrap();
        let opt = |input: &str, level: &str, out: &str| {
            let status = std::process::Command::new(&shim)
                .arg(format!("--output={}", dir.join(out).display()))
                .arg(level)
                .arg(dir.join(input))
                .status()
                .unwrap();
            assert!(status.success());
            std::fs::read_to_string(dir.join(out)).unwrap()
        };
        assert_eq!(opt("a.wasm", "-Oz", "1.wasm"), "Ax");
        assert_eq!(opt("a.wasm", "-Oz", "2.wasm"), "Ax");
        assert_eq!(opt("a.wasm", "-O3", "3.wasm"), "Ax");
        assert_eq!(opt("b.wasm", "-Oz", "4.wasm"), "Bx");
        let runs = std::fs::read_to_string(dir.join("runs")).unwrap();
        // The second call with the same input and options was answered from the cache.
        assert_eq!(runs.lines().count(), 3, "{runs}");
        // Pruning keeps the newest outputs.
        prune(&dir.join("cache"), 1);
        assert_eq!(std::fs::read_dir(dir.join("cache")).unwrap().count(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
