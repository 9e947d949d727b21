"""One module per `netcoach` subcommand: `add_arguments(parser)` and `run(args) -> int`.

Import heavy libraries inside `run`, never at module level.
"""
