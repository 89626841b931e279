from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from newsdiff import views

urlpatterns = [
    path("", views.comparison_list, name="comparison-list"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("c/<slug:slug>/", views.comparison_detail, name="comparison-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("admin/", admin.site.urls),
]
