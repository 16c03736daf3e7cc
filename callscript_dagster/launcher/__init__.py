"""How runs are queued and launched: lane tags on every lane run, and (for GPU work) the RunPod launcher."""
