"""bot.console"""
