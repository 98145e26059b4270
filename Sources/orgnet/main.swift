print("orgnet: under construction")
