app_name = "voters"

urlpatterns: list = []
