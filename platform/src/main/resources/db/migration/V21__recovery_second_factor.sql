-- recovery module: an account with a second factor proves it before the new password. The second
-- proof is TOTP or RECOVERY_CODE, or, when the citizen lost the second factor, SMS or EMAIL: a
-- second code sent to the account's other confirmed contact (then this column also names its channel).
alter table recovery_flow add column second_proof varchar(16);
