"""The delegates' room, one module per part: portal (a delegate's sessions), logins (the
secretariat makes delegates' logins and one-time links)."""
