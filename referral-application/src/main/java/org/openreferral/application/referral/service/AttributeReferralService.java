package org.openreferral.application.referral.service;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.referral.port.out.ClientNetworks;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.application.referral.port.out.ReferralEvents;
import org.openreferral.application.referral.port.out.ReferralEvents.ReferralChange;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.ReferralRepository.Origin;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.FraudRules;
import org.openreferral.domain.model.referral.QualifyingCondition;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * The referral side of the account slice. A registration with a code: the code must be usable, the referee not
 * its owner and their mailbox not referred before; the referral is recorded in the registering transaction,
 * with its events ({@code referral.created}, and {@code referral.flagged} when a fraud rule holds it), and qualified at once when the condition is {@code registration}.
 * A confirmed email qualifies the referee's pending referral when the condition is {@code email-verified}.
 */
public final class AttributeReferralService implements ReferralAttribution {

    private final UserRepository users;
    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final RewardReferrals rewarding;
    private final ReferralEvents events;
    private final ClientNetworks networks;
    private final FraudRules fraudRules;
    private final QualifyingCondition condition;

    public AttributeReferralService(UserRepository users, ReferralCodeRepository codes, ReferralRepository referrals,
                                    RewardReferrals rewarding, ReferralEvents events, ClientNetworks networks, FraudRules fraudRules,
                                    QualifyingCondition condition) {
        this.users = users;
        this.codes = codes;
        this.referrals = referrals;
        this.rewarding = rewarding;
        this.events = events;
        this.networks = networks;
        this.fraudRules = fraudRules;
        this.condition = condition;
    }

    @Override
    public void precheck(CodeValue value, Email email, Instant now) {
        checked(value, UserId.newId(), email, Lock.NONE, now);
    }

    @Override
    public Attribution attribute(CodeValue value, NewAccount account, Instant now) {
        Checked checked = checked(value, account.id(), account.email(), Lock.SHARE, now);
        User referrer = checked.referrer();
        Referral referral = checked.referral();
        Optional<String> network = account.clientAddress().flatMap(networks::hashOf);
        OptionalLong fromNetwork = network
                .map(hash -> OptionalLong.of(referrals.countFromNetwork(referrer.id(), hash, fraudRules.windowStart(now))))
                .orElseGet(OptionalLong::empty);
        Optional<String> brokenRule = fraudRules.brokenBy(fromNetwork, account.emailUnverifiable());
        return new CheckedReferral(referrer.id(), referrer.username(), referral, new Origin(account.email(), network),
                brokenRule, now);
    }

    /** The code's rules and the mailbox rule, for a referee with this id and email. */
    private Checked checked(CodeValue value, UserId refereeId, Email refereeEmail, Lock lock, Instant now) {
        ReferralCode code = codes.findByValue(value, lock)
                .orElseThrow(() -> new RuleViolationException("code-not-found", "No such referral code."));
        User referrer = users.findById(code.owner()).orElseThrow();
        Referral referral = Referral.record(code, refereeId, refereeEmail, referrer.email(), now);
        if (referrals.mailboxReferred(refereeEmail)) {
            throw Referral.mailboxAlreadyReferred();
        }
        return new Checked(referrer, referral);
    }

    private record Checked(User referrer, Referral referral) {
    }

    @Override
    public void emailVerified(UserId referee, Instant now) {
        if (condition != QualifyingCondition.EMAIL_VERIFIED) {
            return;
        }
        referrals.lockByReferee(referee)
                .filter(referral -> referral.status() == ReferralStatus.PENDING)
                .ifPresent(referral -> rewarding.qualify(referral, null, now));
    }

    private final class CheckedReferral implements Attribution {

        private final UserId referrerId;
        private final Username referrerUsername;
        private final Referral referral;
        private final Origin origin;
        private final Optional<String> brokenRule;
        private final Instant now;

        CheckedReferral(UserId referrerId, Username referrerUsername, Referral referral, Origin origin,
                        Optional<String> brokenRule, Instant now) {
            this.referrerId = referrerId;
            this.referrerUsername = referrerUsername;
            this.referral = referral;
            this.origin = origin;
            this.brokenRule = brokenRule;
            this.now = now;
        }

        @Override
        public UserId referrerId() {
            return referrerId;
        }

        @Override
        public Username referrerUsername() {
            return referrerUsername;
        }

        @Override
        public void record() {
            brokenRule.ifPresent(referral::flag);
            referrals.add(referral, origin);
            events.referralChanged(referral, ReferralChange.CREATED, now);
            if (brokenRule.isPresent()) {
                events.referralChanged(referral, ReferralChange.FLAGGED, now);
            }
            if (brokenRule.isEmpty() && condition == QualifyingCondition.REGISTRATION) {
                rewarding.qualify(referral, null, now);
            }
        }
    }
}
