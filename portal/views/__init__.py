"""The public portal's pages, one module per section. Every view opts out of the login, answers
GET and HEAD only, reads through the apps' public selectors and is served by its council's
publication version (portal.caching.public_page)."""
