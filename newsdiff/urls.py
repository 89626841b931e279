from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from newsdiff.views import accounts, articles, claims, comparisons, exports, jobs

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the header's language switcher
    # review workspace
    path("", comparisons.comparison_list, name="comparison-list"),
    # starting a comparison and bringing accounts in (before c/<slug>/: "new" is not a slug here)
    path("c/new/", accounts.comparison_create_view, name="comparison-create"),
    path("c/<slug:slug>/accounts/new/", accounts.account_create, name="account-create"),
    path("articles/<int:pk>/fetch/", accounts.article_refetch_view, name="article-refetch"),
    path("c/<slug:slug>/", comparisons.comparison_detail, name="comparison-detail"),
    path("c/<slug:slug>/map/", comparisons.comparison_map, name="comparison-map"),
    path("c/<slug:slug>/status/", comparisons.comparison_status, name="comparison-status"),
    path("c/<slug:slug>/agreement/", comparisons.comparison_agreement, name="comparison-agreement"),
    path("c/<slug:slug>/undo/", comparisons.annotation_undo, name="annotation-undo"),
    path("c/<slug:slug>/links/new/", comparisons.link_create_view, name="link-create"),
    path("c/<slug:slug>/links/<int:pk>/accept/", comparisons.link_accept_view, name="link-accept"),
    path("c/<slug:slug>/links/<int:pk>/reject/", comparisons.link_reject_view, name="link-reject"),
    path("c/<slug:slug>/links/<int:pk>/unlink/", comparisons.link_unlink_view, name="link-unlink"),
    path("c/<slug:slug>/rows/<str:key>/tag/", comparisons.row_tag, name="row-tag"),
    path("c/<slug:slug>/rows/<str:key>/note/", comparisons.row_note, name="row-note"),
    path("c/<slug:slug>/rows/<str:key>/final/", comparisons.row_final, name="row-final"),
    path("c/<slug:slug>/rows/<str:key>/history/", comparisons.row_history_view, name="row-history"),
    # claims across every account (the grid)
    path("c/<slug:slug>/grid/", claims.comparison_grid, name="comparison-grid"),
    path("c/<slug:slug>/claims/undo/", claims.claim_undo, name="claim-undo"),
    path("c/<slug:slug>/claims/<str:key>/tag/", claims.claim_tag, name="claim-tag"),
    path("c/<slug:slug>/claims/<str:key>/final/", claims.claim_final, name="claim-final"),
    path("c/<slug:slug>/claims/<str:key>/history/", claims.claim_history_view, name="claim-history"),
    # articles and versions
    path("articles/<int:pk>/", articles.article_detail, name="article-detail"),
    path(
        "articles/<int:pk>/versions/<int:number>/fetched/",
        articles.article_version_fetched,
        name="article-version-fetched",
    ),
    path(
        "articles/<int:pk>/rereview/<int:annotation_pk>/",
        articles.annotation_rereview,
        name="annotation-rereview",
    ),
    # long work in progress
    path("jobs/<int:pk>/", jobs.job_detail, name="job-detail"),
    path("jobs/<int:pk>/retry/", jobs.job_retry_view, name="job-retry"),
    path("c/<slug:slug>/jobs/", jobs.comparison_jobs_view, name="comparison-jobs"),
    # exports
    path("c/<slug:slug>/export/", exports.comparison_export, name="comparison-export"),
]
