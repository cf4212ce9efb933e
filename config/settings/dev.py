"""Local development: the embedded default (SQLite, in-process tasks) with DEBUG on."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = env.bool("DEBUG", default=True)
