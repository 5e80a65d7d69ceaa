use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn,winit=error"))
        .init();
    let cli = csto_atlas::cli::Cli::parse();
    match cli.command {
        Some(command) => csto_atlas::cli::run(command),
        None => csto_atlas::ui::run(cli.window),
    }
}
