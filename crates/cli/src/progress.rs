//! The progress bar on standard error while pages are read: files done, MB/s and the time left.
//! It is drawn only when standard error is a terminal; in pipes, files and CI logs nothing is
//! printed and no extra work is done. It knows nothing about what the pages say.

use crate::inputs::Input;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Progress over a list of inputs, measured in bytes (so MB/s and the time left are honest when
/// files differ in size), with the count of files beside it.
pub struct Progress {
    bar: Option<ProgressBar>,
    files_done: Arc<AtomicUsize>,
    /// Pages read out of containers so far (a single WARC's bar moves only when it is done).
    records_done: Arc<AtomicUsize>,
}

impl Progress {
    /// A bar for reading `inputs`, or a silent stand-in when standard error is not a terminal.
    pub fn new(inputs: &[Input]) -> Progress {
        let files_done = Arc::new(AtomicUsize::new(0));
        let records_done = Arc::new(AtomicUsize::new(0));
        if !std::io::stderr().is_terminal() || inputs.is_empty() {
            return Progress {
                bar: None,
                files_done,
                records_done,
            };
        }
        let total_bytes: u64 = inputs
            .iter()
            .filter_map(|input| match input {
                Input::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
                Input::Failed { .. } => None,
            })
            .sum();
        let files = inputs.len();
        let done = Arc::clone(&files_done);
        let records = Arc::clone(&records_done);
        let style = ProgressStyle::with_template(
            "{files} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes}, \
             {decimal_bytes_per_sec}, {eta} left",
        )
        .expect("the template is valid")
        .with_key(
            "files",
            move |_: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{}/{files}", done.load(Ordering::Relaxed));
                match records.load(Ordering::Relaxed) {
                    0 => {}
                    n => {
                        let pages = if n == 1 { "page" } else { "pages" };
                        let _ = write!(w, " files, {n} {pages} of containers");
                        return;
                    }
                }
                let _ = write!(w, " files");
            },
        )
        .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr())
            .with_style(style);
        Progress {
            bar: Some(bar),
            files_done,
            records_done,
        }
    }

    /// One more file read, of `bytes` bytes.
    pub fn file_done(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            self.files_done.fetch_add(1, Ordering::Relaxed);
            bar.inc(bytes);
        }
    }

    /// One more page out of a container read (its bytes count when the container is done).
    pub fn record_done(&self) {
        if let Some(bar) = &self.bar {
            self.records_done.fetch_add(1, Ordering::Relaxed);
            bar.tick();
        }
    }

    /// Takes the bar off the screen, so the report starts on a clean line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
