"""The one error ingest raises for bad input: it names the file and the problem."""


class PackError(Exception):
    """A pack that cannot be read or parsed. Nothing of it is loaded."""

    def __init__(self, file_name: str, problem: str):
        super().__init__(f"{file_name}: {problem}")
        self.file_name = file_name
        self.problem = problem
