// psqlui's entry point: parse the command line, then hand over to PsqluiREPL.App.
// (Kept tiny: top-level code is main-actor isolated, hot loops must live elsewhere.)
PsqluiCommand.main()
