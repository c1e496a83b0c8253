import TandemCLI

TandemCommand.start()
