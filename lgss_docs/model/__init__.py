"""The typed models of the content files: what each file may hold, checked as it is read."""
