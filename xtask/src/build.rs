//! The page build: Trunk in release mode into `dist/`, with binaryen's wasm-opt from
//! `e2e/node_modules/.bin` first on PATH. Builds are reproducible: `SOURCE_DATE_EPOCH` is the
//! last commit's time unless the caller set it. After Trunk, `finish` adds what Trunk cannot
//! write: the one-file page and the service worker's stamp. (A job module, not a Cargo build
//! script.)

use crate::{Ctx, Result, first_line, onefile, run, sw};
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

/// Writes, from Trunk's output in `dist`, the one-file page, and stamps the service worker
/// with the app shell (every file but the one-file page).
pub fn finish(dist: &Path) -> Result {
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
        .env("COVERAGE_CHUNKS_OUT", chunks_dir(ctx))
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
