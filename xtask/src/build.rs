//! The page build: Trunk in release mode into `dist/`, with binaryen's wasm-opt from
//! `e2e/node_modules/.bin` first on PATH. Builds are reproducible: `SOURCE_DATE_EPOCH` is the
//! last commit's time unless the caller set it. (A job module, not a Cargo build script.)

use crate::{Ctx, Result, first_line, run};

pub fn page(ctx: &Ctx) -> Result {
    println!(
        "==> build the page (trunk, release) into {}",
        ctx.dist().display()
    );
    let mut trunk = command(ctx);
    run(&mut trunk).map_err(|e| {
        format!("{e}\n  the page did not build; the messages above say why (Trunk.toml, index.html, src/)")
    })
}

/// `trunk build --release --locked --dist <root>/dist` with the environment it needs.
pub fn command(ctx: &Ctx) -> std::process::Command {
    let mut trunk = ctx.command("trunk");
    trunk
        .args(["build", "--release", "--locked", "--dist"])
        .arg(ctx.dist())
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("PATH", ctx.path_with(&ctx.e2e().join("node_modules/.bin")));
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
