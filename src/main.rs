//! The `csto-atlas` binary: parse the command line, then open the window or run a subcommand.
//! In a browser (wasm32), the page's entry point starts the same app on its canvas.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser as _;
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn,winit=error"))
        .init();
    let cli = cli::Cli::parse();
    cli::set_import(cli.import.import());
    match cli.command {
        Some(command) => cli::run(command),
        None => cli::open_window(cli.window),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    csto_atlas::ui::web::start();
}
