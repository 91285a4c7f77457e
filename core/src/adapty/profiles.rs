//! `/profile/`: get, create, update, delete.

use super::errors::{decode_data, expect_success};
use super::{
    AdaptyContext, AdaptyUser, Family, IDEMPOTENT_WRITE, Profile, ProfileRequest, with_user,
};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};

/// Decodes `{"data": Profile}` and stamps the request id.
pub(crate) fn profile_response(exchange: &Exchange) -> Result<Profile, Error> {
    let mut p: Profile = decode_data(exchange)?;
    p.request_id = exchange.request_id.clone();
    Ok(p)
}

/// GET /profile/ (getProfile).
#[derive(Clone, Debug, PartialEq)]
pub struct GetProfile {
    /// The user (one id).
    pub user: AdaptyUser,
}

impl crate::Endpoint for GetProfile {
    type Api = crate::adapty::AdaptyApi;
    type Output = Profile;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let req = ctx.request(Family::ServerSide, Method::Get, &["profile"], &[])?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<Profile, Error> {
        profile_response(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// POST /profile/ (createProfile). Only a customer user id: a new profile. Both ids: the customer user
/// id is attached to the existing profile.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateProfile {
    /// The user (customer user id, or both ids).
    pub user: AdaptyUser,
    /// The profile fields.
    pub profile: ProfileRequest,
}

impl crate::Endpoint for CreateProfile {
    type Api = crate::adapty::AdaptyApi;
    type Output = Profile;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        self.profile.check()?;
        let req = ctx.json(
            Family::ServerSide,
            Method::Post,
            &["profile"],
            &self.profile,
        )?;
        with_user(req, &self.user, true)
    }
    fn parse(&self, exchange: &Exchange) -> Result<Profile, Error> {
        profile_response(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Post)
    }
}

/// PATCH /profile/ (updateProfile): changes only the fields given.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateProfile {
    /// The user (one id).
    pub user: AdaptyUser,
    /// The fields to change.
    pub profile: ProfileRequest,
}

impl crate::Endpoint for UpdateProfile {
    type Api = crate::adapty::AdaptyApi;
    type Output = Profile;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        self.profile.check()?;
        let req = ctx.json(
            Family::ServerSide,
            Method::Patch,
            &["profile"],
            &self.profile,
        )?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<Profile, Error> {
        profile_response(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        // Setting the same fields twice leaves the same profile.
        IDEMPOTENT_WRITE
    }
}

/// DELETE /profile/ (deleteProfile): 204 on success; a later get is `NotFound`.
#[derive(Clone, Debug, PartialEq)]
pub struct DeleteProfile {
    /// The user (one id).
    pub user: AdaptyUser,
}

impl crate::Endpoint for DeleteProfile {
    type Api = crate::adapty::AdaptyApi;
    type Output = crate::Ack;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let req = ctx.request(Family::ServerSide, Method::Delete, &["profile"], &[])?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<crate::Ack, Error> {
        match expect_success(exchange) {
            // A repeat after a lost answer finds the profile already gone: the delete happened.
            Err(Error::NotFound(_)) if exchange.attempts > 1 => Ok(crate::Ack::default()),
            other => other.map(|()| crate::Ack::default()),
        }
    }
    fn policy(&self) -> RequestPolicy {
        IDEMPOTENT_WRITE
    }
}
