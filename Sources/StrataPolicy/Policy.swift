/// Placeholder until the policy layer lands (issue 7).
public enum PolicyModule {}
