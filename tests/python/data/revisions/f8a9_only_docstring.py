"""Nothing but a docstring"""
