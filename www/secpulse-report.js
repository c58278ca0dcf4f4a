// Placeholder on the survey branch: the dashboard element <secpulse-report> is written on its own branch.
