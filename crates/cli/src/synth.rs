//! `coverage synth`: writes synthetic pages into a folder, for benchmarks and demos.
//! The pages and their truth come from `coverage-synth`; this module names files, writes them and
//! says how much it wrote and how long it took.

use reader::Knowledge;
use std::path::Path;
use std::time::Instant;
use synth::{self, SynthConfig};

/// Writes the pages for `config` into `out` (created if missing) and returns the summary line.
/// Files of an earlier run with the same names are replaced.
pub fn write(knowledge: &Knowledge, config: SynthConfig, out: &Path) -> Result<String, String> {
    let pages = synth::generate(knowledge, config).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(out).map_err(|e| {
        format!(
            "cannot create {}: {e}; choose another --out folder",
            out.display()
        )
    })?;
    let start = Instant::now();
    let (mut files, mut bytes) = (0usize, 0u64);
    for page in pages {
        let path = out.join(&page.name);
        std::fs::write(&path, &page.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        files += 1;
        bytes += page.bytes.len() as u64;
    }
    let seconds = start.elapsed().as_secs_f64();
    Ok(format!(
        "wrote {files} files, {bytes} bytes ({:.1} MB), to {} in {seconds:.2} s ({:.1} MB/s)",
        bytes as f64 / 1e6,
        out.display(),
        bytes as f64 / 1e6 / seconds.max(1e-9)
    ))
}
