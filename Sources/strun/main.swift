print("strun")
