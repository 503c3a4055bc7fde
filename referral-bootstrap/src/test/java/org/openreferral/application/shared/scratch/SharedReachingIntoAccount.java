package org.openreferral.application.shared.scratch;

import org.openreferral.application.account.port.out.UserRepository;

/** A deliberate slice violation (shared using the account slice) that ArchitectureTest must catch. */
public class SharedReachingIntoAccount {

    UserRepository users;
}
