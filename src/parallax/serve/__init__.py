"""The web app: `parallax serve --db PATH` shows what a database knows, as HTML pages and a JSON API."""
