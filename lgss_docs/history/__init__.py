"""Reporting cycles: git tags on the content's repository, and the ratings each one held.

``tags`` finds and makes the tags (git only, no YAML: a build with nothing to do asks git for
them and nothing more); ``read`` reads the ratings at each cycle, through ``store``, which keeps
them in the output folder so a cycle is read from git once.
"""

DEFAULT_PATTERN = "cycle/*"  # the tags that mark cycles, unless --cycles names others
