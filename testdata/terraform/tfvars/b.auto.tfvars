group_last_auto_wins = ""
