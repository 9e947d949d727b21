"""Channel-neutral core: parse `/network …` text into commands, run them, return a Reply.

Imports neither slack_bolt, botbuilder nor sqlalchemy.
"""
