from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from newsdiff.views import articles, comparisons

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    # review workspace
    path("", comparisons.comparison_list, name="comparison-list"),
    path("c/<slug:slug>/", comparisons.comparison_detail, name="comparison-detail"),
    # articles and versions
    path("articles/<int:pk>/", articles.article_detail, name="article-detail"),
    # exports
]
