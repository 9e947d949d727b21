"""bot.scheduler"""
