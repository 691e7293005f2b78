"""The site's own bookkeeping tables (no person's data)."""

from django.db import models


class RateCounter(models.Model):
    """How many attempts one bucket (a scope and a hashed client address) made in one window.

    Fixed windows: `window_start` is the start of the window in whole seconds since the epoch,
    so every request in the same window lands on the same row and one upsert counts it. Rows
    whose window has ended are only history; `painmap.ratelimit.prune` deletes them.
    """

    bucket = models.CharField(max_length=80)
    window_start = models.BigIntegerField()
    expires_at = models.BigIntegerField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["bucket", "window_start"], name="one_rate_counter_per_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.bucket} @ {self.window_start}: {self.count}"
