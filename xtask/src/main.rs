//! `cargo xtask`: the project's jobs, so that a fresh machine needs only two commands.
//! `serve` sets up the tools, builds the page into `dist/` and serves it; `test` sets up and runs
//! every test stage; `bench` and `eval` measure speed and reading quality. This file parses
//! arguments and holds what all jobs share (paths, commands).

mod bench;
mod build;
mod eval;
mod imports;
mod onefile;
mod repro;
mod score;
mod serve;
mod sw;
mod test;
mod tone;
mod tools;

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  serve [--port N] [--no-serve]   install what is missing, build the page into dist/ (release)
                                  and serve it on http://127.0.0.1:N (default 8080);
                                  --no-serve only builds
  test                            install what is missing and run every test stage;
                                  ends with a line `N passed, M failed`
  bench [--sizes N,M] [--queries Q] [--no-explorer] [--only-add-pages]
                                  our engine vs crossfilter2 in headless Chromium on synthetic
                                  corpora (default 10000,100000 articles, 1000 filter changes),
                                  then the explorer on the largest, then 10000 pages added in
                                  the seeds' page (--only-add-pages: that alone); writes
                                  bench/results.json and docs/PERFORMANCE.md
  eval [--pages DIR]... [--dev FILE | --no-dev] [--no-python] [--no-tone | --tone-only]
                                  reading quality on pages with gold (the development set
                                  ../shared/dev/readability-test-pages.tar.xz, unpacked into
                                  target/dev/, and each --pages folder) side by side with
                                  trafilatura and htmldate (a Python venv in target/eval-venv),
                                  then the tone of relations on bench/tone/pairs.jsonl;
                                  writes target/eval/results.json, target/eval/tone.json
                                  and docs/QUALITY.md
  help                            this text
";

/// A failure a user can act on: what went wrong and, where known, what to do.
pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("serve") => parse_serve(&args[1..]).and_then(|opts| serve_job(&Ctx::new(), opts)),
        Some("test") if args.len() == 1 => return test::run(&Ctx::new()),
        Some("test") => Err(format!("`test` takes no options, got {:?}", &args[1..])),
        Some("bench") => {
            bench::parse(&args[1..]).and_then(|opts| bench::run_bench(&Ctx::new(), &opts))
        }
        Some("eval") => eval::parse(&args[1..]).and_then(|opts| eval::run_eval(&Ctx::new(), &opts)),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(USAGE.trim_end().to_string()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

struct ServeOptions {
    port: u16,
    serve: bool,
}

fn parse_serve(args: &[String]) -> Result<ServeOptions> {
    let mut opts = ServeOptions {
        port: 8080,
        serve: true,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let port = match arg.as_str() {
            "--no-serve" => {
                opts.serve = false;
                continue;
            }
            "--port" => args.next().map(String::as_str),
            other => match other.strip_prefix("--port=") {
                Some(value) => Some(value),
                None => return Err(format!("unknown option `{other}` for serve\n\n{USAGE}")),
            },
        };
        opts.port = port
            .and_then(|p| p.parse().ok())
            .ok_or("--port needs a number from 0 to 65535, e.g. `--port 8081`")?;
    }
    Ok(opts)
}

fn serve_job(ctx: &Ctx, opts: ServeOptions) -> Result {
    tools::ensure(ctx, tools::Needs::Build)?;
    build::page(ctx)?;
    if !opts.serve {
        println!("built {}", ctx.dist().display());
        return Ok(());
    }
    let server = serve::Server::start(&ctx.dist(), opts.port)?;
    println!(
        "serving {} on {}  (Ctrl-C stops)",
        ctx.dist().display(),
        server.url()
    );
    server.wait();
    Ok(())
}

/// What every job needs to know: where the workspace is and how to start programs in it.
pub struct Ctx {
    pub root: PathBuf,
    cargo: OsString,
    path: OsString,
}

impl Ctx {
    fn new() -> Ctx {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives one level below the workspace root")
            .to_path_buf();
        // `cargo install` puts binaries in $CARGO_HOME/bin; make sure we find them there even
        // when that folder is not on the caller's PATH.
        let mut dirs = vec![cargo_home().join("bin")];
        dirs.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        dirs.dedup();
        Ctx {
            root,
            cargo: std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()),
            path: std::env::join_paths(dirs).expect("PATH entries contain no separator"),
        }
    }

    /// Where the page is built and served from: `dist/`, or `$TRUNK_BUILD_DIST` (Trunk's own
    /// variable) to keep a second build apart.
    pub fn dist(&self) -> PathBuf {
        match std::env::var_os("TRUNK_BUILD_DIST") {
            Some(dir) => self.root.join(dir),
            None => self.root.join("dist"),
        }
    }

    pub fn e2e(&self) -> PathBuf {
        self.root.join("e2e")
    }

    /// Cargo's target folder (where xtask keeps its scratch files too).
    pub fn target_dir(&self) -> PathBuf {
        match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => self.root.join(dir),
            None => self.root.join("target"),
        }
    }

    /// A command run from the workspace root with our PATH.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", &self.path);
        cmd
    }

    /// `cargo` — the same cargo that runs this xtask.
    pub fn cargo(&self) -> Command {
        self.command(&self.cargo)
    }

    /// PATH with `dir` in front, for one command.
    pub fn path_with(&self, dir: &Path) -> OsString {
        let mut dirs = vec![dir.to_path_buf()];
        dirs.extend(std::env::split_paths(&self.path));
        std::env::join_paths(dirs).expect("PATH entries contain no separator")
    }
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// How a command is shown in the log: program and arguments, as one could retype them.
pub fn show(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|part| {
            let part = part.to_string_lossy();
            if part.contains(' ') {
                format!("'{part}'")
            } else {
                part.into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs a command with its output going straight to ours; an error when it cannot start or fails.
pub fn run(cmd: &mut Command) -> Result {
    println!("$ {}", show(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", show(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", show(cmd)))
    }
}

/// Runs a command, streaming its standard output line by line to ours and handing each line to
/// `on_line` (to count test results). Standard error goes straight through. Returns whether
/// the command succeeded; an error only when it cannot be started.
pub fn run_streaming(cmd: &mut Command, mut on_line: impl FnMut(&str)) -> Result<bool> {
    println!("$ {}", show(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", show(cmd)))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut out = std::io::stdout();
    for line in BufReader::new(stdout).split(b'\n') {
        let Ok(line) = line else { break };
        let text = String::from_utf8_lossy(&line);
        // A closed stdout of ours (e.g. piped into `head`) must not stop the child halfway.
        let _ = writeln!(out, "{text}");
        let _ = out.flush();
        on_line(text.trim_end_matches('\r'));
    }
    let status = child
        .wait()
        .map_err(|e| format!("`{}` did not finish: {e}", show(cmd)))?;
    Ok(status.success())
}

/// The first line a command prints on standard output, or `None` when it is missing or fails.
pub fn first_line(cmd: &mut Command) -> Option<String> {
    let output = cmd.stderr(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .next()
        .map(|line| line.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn serve_defaults_to_port_8080() {
        let opts = parse_serve(&[]).unwrap();
        assert_eq!((opts.port, opts.serve), (8080, true));
    }

    #[test]
    fn serve_takes_port_and_no_serve() {
        let opts = parse_serve(&args(&["--port", "9000", "--no-serve"])).unwrap();
        assert_eq!((opts.port, opts.serve), (9000, false));
        assert_eq!(parse_serve(&args(&["--port=81"])).unwrap().port, 81);
    }

    #[test]
    fn serve_rejects_bad_port_and_unknown_options() {
        assert!(parse_serve(&args(&["--port"])).is_err());
        assert!(parse_serve(&args(&["--port", "http"])).is_err());
        assert!(parse_serve(&args(&["--open"])).is_err());
    }
}
