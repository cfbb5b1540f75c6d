print("kpi-align")
