"""Pages of the voters app, one module per record kind (voters/urls.py names them). Thin: parse
input, call one service or selector, render.

Permissions: every view checks core.roles on the server (mixins or require_viewer /
require_editor first thing). Citizens' personal data is shown only when
roles.can_view_personal_data(user): leaders and committee members never see it, in pages or
in exports."""
