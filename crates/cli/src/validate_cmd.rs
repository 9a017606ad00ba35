//! `tidings validate RECORDS.xml [--dictionaries DIR]`: runs a PETRARCH validation file (UD-PETRARCH's
//! `PETR_Validate_records_2_02.xml`, PETRARCH2's `PETR.UnitTest.records.xml`) from each record's raw
//! text and prints the per-category table, the overall pass rate and, with `--failures`, every failed
//! record with its missing and extra events.
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ValidateArgs {
    /// The validation records file (XML).
    pub records: PathBuf,
    /// Dictionary folder to use instead of the one the records file names.
    #[arg(long)]
    pub dictionaries: Option<PathBuf>,
    /// List every failed record with its missing and extra events.
    #[arg(long)]
    pub failures: bool,
    /// Exit with an error when fewer records than this pass (a percentage, e.g. 90).
    #[arg(long)]
    pub min_pass_rate: Option<f64>,
}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let report = tidings_validate::run_file(&args.records, args.dictionaries.as_deref())
        .map_err(anyhow::Error::msg)?;
    for e in &report.record_errors {
        eprintln!("{e}");
    }
    if !report.dict_errors.is_empty() {
        eprintln!("{} dictionary lines rejected:", report.dict_errors.len());
        for e in &report.dict_errors {
            eprintln!("  {e}");
        }
    }
    if args.failures {
        print!("{}", report.failures());
        outln!();
    }
    print!("{}", report.table());
    outln!(
        "dictionaries loaded in {:.0} ms; {} records coded in {:.0} ms",
        report.load_time.as_secs_f64() * 1e3,
        report.outcomes.len(),
        report.code_time.as_secs_f64() * 1e3
    );
    if let Some(min) = args.min_pass_rate {
        if report.overall().rate() < min {
            eprintln!("pass rate {:.1}% is below {min}%", report.overall().rate());
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}
