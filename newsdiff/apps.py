from django.apps import AppConfig


class NewsdiffConfig(AppConfig):
    name = "newsdiff"
    verbose_name = "newsdiff"

    def ready(self) -> None:
        from axes.signals import user_locked_out

        from newsdiff.lockouts import log_lockout

        user_locked_out.connect(log_lockout, dispatch_uid="newsdiff-log-lockout")
