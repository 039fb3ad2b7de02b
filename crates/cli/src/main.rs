//! The `coverage` command: a thin shell over the engine. It parses arguments, reads files and
//! prints; every input file becomes a report entry, in input order, whatever happens to it.

mod bundle;
mod inputs;
mod print;
mod progress;
mod synth;

use clap::{Parser, Subcommand, ValueEnum};
use corpus::Corpus;
use reader::Knowledge;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "coverage",
    version,
    about = "Read scraped news pages into articles, actors and relations"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct CorpusArgs {
    /// Folder with actors.toml, outlets.toml and sources.toml. Without it, ./corpus is used when
    /// it exists, else the built-in dictionaries and no sidecar.
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
    /// Files or folders of pages (folders are read recursively, files in name order).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Reader threads; default one per core.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Print on standard error how long the reader took over the pages (file reading and
    /// dictionary loading left out), as `key=value` pairs.
    #[arg(long)]
    timings: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Read pages and print the report: one entry per file, then the relations.
    Ingest {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Add each article's clean body to the JSON report as `text`.
        #[arg(long)]
        text: bool,
    },
    /// List likely actors that the dictionary does not know, ready to paste into actors.toml.
    SuggestActors {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Only names seen at least this many times.
        #[arg(long, default_value_t = 1)]
        min_mentions: u32,
    },
    /// Write the relation graph for spreadsheets or Gephi.
    Export {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, value_enum)]
        format: GraphFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write the explorer page's bundle (as build.rs embeds it) to a file; a large corpus's
    /// article texts go to chunks/ beside it.
    Bundle {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The bundle file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Build time for the page footer (ISO 8601); default: the Unix epoch, so the same
        /// corpus gives the same bytes.
        #[arg(long, default_value = "1970-01-01T00:00:00Z")]
        built: String,
    },
    /// Write synthetic news pages, the same for the same seed, for benchmarks and demos.
    Synth {
        /// How many pages to write.
        #[arg(long)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder to write the pages into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Folder with actors.toml and outlets.toml to draw actors and outlets from; as for ingest.
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Csv,
    Gexf,
    Graphml,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("coverage: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Ingest {
            corpus,
            format,
            text,
        } => {
            if text && matches!(format, ReportFormat::Text) {
                return Err(
                    "--text adds the clean body to the JSON report; add --format json".into(),
                );
            }
            let report = read(&corpus)?;
            match format {
                ReportFormat::Json => {
                    let value = if text {
                        report.to_json_with_text()
                    } else {
                        report.to_json()
                    };
                    let json = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
                    emit(&format!("{json}\n"));
                }
                ReportFormat::Text => emit(&print::table(&report)),
            }
            Ok(exit_code(&report))
        }
        Command::SuggestActors {
            corpus,
            min_mentions,
        } => {
            let report = read(&corpus)?;
            emit(&print::suggestions(&report, min_mentions));
            Ok(exit_code(&report))
        }
        Command::Export {
            corpus,
            format,
            out,
        } => {
            let report = read(&corpus)?;
            let text = match format {
                GraphFormat::Csv => corpus::export::to_csv(&report),
                GraphFormat::Gexf => corpus::export::to_gexf(&report),
                GraphFormat::Graphml => corpus::export::to_graphml(&report),
            };
            match out {
                Some(path) => std::fs::write(&path, text)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
                None => emit(&text),
            }
            Ok(exit_code(&report))
        }
        Command::Bundle { corpus, out, built } => {
            let threads = inputs::threads(corpus.threads);
            let (summary, timings) = bundle::write(
                corpus.corpus.as_deref(),
                &corpus.paths,
                threads,
                &out,
                built,
            )?;
            if corpus.timings {
                eprintln!("{timings}");
            }
            println!("{summary}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Synth {
            articles,
            seed,
            out,
            corpus,
        } => {
            let knowledge = inputs::knowledge(corpus.as_deref())?;
            let config = ::synth::SynthConfig { articles, seed };
            emit(&format!("{}\n", synth::write(&knowledge, config, &out)?));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn read(args: &CorpusArgs) -> Result<Corpus, String> {
    let knowledge: Knowledge = inputs::knowledge(args.corpus.as_deref())?;
    let files = inputs::expand(&args.paths);
    let (articles, timings) = inputs::read_all(&knowledge, &files, inputs::threads(args.threads));
    let started = Instant::now();
    let corpus = Corpus::assemble(articles);
    if args.timings {
        eprintln!("{}", timings.line(started.elapsed().as_secs_f64()));
    }
    Ok(corpus)
}

/// Writes to standard output; a closed pipe (`coverage … | head`) ends the output quietly.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("coverage: cannot write the output: {e}");
    }
}

/// 0 when every file is ok or a warning, 1 when any file is an error.
fn exit_code(corpus: &Corpus) -> ExitCode {
    if corpus
        .articles
        .iter()
        .any(|a| a.status == coverage_core::model::Status::Error)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
