from typing import Any

from django.http import HttpRequest

from core import roles
from core.scoping import CHOSEN_COUNCIL_KEY, request_council


def roles_context(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    return {
        "can_edit": roles.can_edit_records(user),
        "is_admin_user": roles.is_admin(user),
        # A delegate's login has the delegates' room's menu, not the secretariat's.
        "is_delegate_user": roles.is_delegate(user) and not roles.can_view_records(user),
        "can_view_personal_data": roles.can_view_personal_data(user),
        "can_generate_reports": roles.can_generate_reports(user),
        "user_role_names": sorted(r.value for r in roles.user_roles(user)),
        # Named in the menu bar while another council is looked at (a query only then).
        "viewed_council": (
            request_council(request)
            if hasattr(request, "session") and CHOSEN_COUNCIL_KEY in request.session
            else None
        ),
    }
