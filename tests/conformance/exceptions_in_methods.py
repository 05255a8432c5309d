class Account:
    def __init__(self, owner: str, balance: int) -> None:
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount: int) -> int:
        if amount <= 0:
            raise ValueError("amount must be positive")
        if amount > self.balance:
            raise RuntimeError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance


acct = Account("ann", 100)
for amt in [30, -5, 500, 70]:
    try:
        print("left", acct.withdraw(amt))
    except ValueError as e:
        print("value error:", e)
    except RuntimeError as e:
        print("runtime error:", e)
print(acct.balance)
acct.withdraw(1)
