from dataclasses import dataclass


@dataclass
class Employee:
    name: str
    dept: str
    salary: int


staff = [Employee("ann", "eng", 120), Employee("bo", "ops", 90), Employee("cy", "eng", 100)]
by_dept: dict[str, list[Employee]] = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e)
for dept in sorted(by_dept):
    members = by_dept[dept]
    total = sum(m.salary for m in members)
    print(dept, [m.name for m in members], total, total / len(members))
top = max(staff, key=lambda e: e.salary)
print(top)
raises = {e.name: e.salary * 11 // 10 for e in staff}
print(raises)
