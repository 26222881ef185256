"""Documents: the claim form, the buyer statement and the calendar file."""
