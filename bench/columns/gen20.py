# Writes the 20-column customer file of bench/columns/measure.sh: gen20.py ROWS FILE (seed 14).
import random, sys, datetime
rows = int(sys.argv[1]); out = sys.argv[2]
rnd = random.Random(14)
tiers = ["gold", "silver", "bronze"]
countries = ["FR", "DE", "ES", "IT", "BE", "NL", "PT", "PL", "SE", "AT"]
channels = ["web", "store", "phone", "partner"]
base = datetime.date(2020, 1, 1).toordinal()
with open(out, "w") as f:
    f.write("customer_id,total_spent,orders,avg_basket,last_order,first_order,tier,country,city,"
            "email,newsletter,loyalty_points,returns,discount_rate,channel,age,visits_30d,"
            "support_tickets,segment_hint,signup_source\n")
    lines = []
    for i in range(1, rows + 1):
        r = rnd.random
        total = round(r() * 5000, 2)
        orders = int(r() * 60)
        d1 = datetime.date.fromordinal(base + int(r() * 2400)).isoformat()
        d2 = datetime.date.fromordinal(base + int(r() * 1200)).isoformat()
        lines.append(f"{i},{total},{orders},{round(r()*300,2)},{d1},{d2},{tiers[i%3]},"
                     f"{countries[int(r()*10)]},city{int(r()*5000)},user{i}@example.com,"
                     f"{'true' if r()<0.5 else 'false'},{int(r()*100000)},{int(r()*5)},"
                     f"{round(r()*0.3,3)},{channels[int(r()*4)]},{18+int(r()*70)},{int(r()*40)},"
                     f"{int(r()*8)},hint{int(r()*50)},src{int(r()*20)}\n")
        if len(lines) == 100000:
            f.write("".join(lines)); lines = []
    f.write("".join(lines))
