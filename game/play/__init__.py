"""Play outside the window: models of a team's turn that the hotseat board and the network
workshop share. Pure Python, no pygame, no I/O."""
