import StrunCLI

Strun.main(CommandLine.arguments)
