"""The command line: the click group and one module per family of commands. It parses
arguments, calls the library and prints; every other package sits below it.
"""
