"""bot.teams"""
