//! Ad spaces and programs beyond the lists (spec §5.3, §5.4): one ad space, one program as an ad space
//! sees it, joining and leaving a program, and connection statuses across ad spaces.

use super::publisher::{Program, Website};
use super::wire::{Send, endpoint, id, request_record, response_record, segs, with_raw};
use crate::error::Error;
use crate::json::Json;

request_record! {
    /// GET /websites/v2/{id}/ (scope `websites`).
    GetWebsite {
        /// The ad space.
        id: u64,
    }
}

endpoint!(GetWebsite => Website, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["websites", "v2", id("id", s.id)?])
});

request_record! {
    /// GET /advcampaigns/{program}/website/{website}/ (scope `advcampaigns_for_website`).
    GetProgramForWebsite {
        /// The program.
        program: u64,
        /// The ad space.
        website: u64,
    }
}

endpoint!(GetProgramForWebsite => Program, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["advcampaigns", id("program", s.program)?, "website", id("website", s.website)?])
});

response_record! {
    /// The answer of a state change: `{"message": "...", "success": "OK" | "Deleted" | "Accepted"}`.
    ActionResult {
        /// `success`.
        success: String,
        /// `message`.
        message: String,
    }
}

/// Join or leave.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    /// POST /advcampaigns/{c}/attach/{w}/: request to join (accepts the program's rules).
    #[default]
    Attach,
    /// POST /advcampaigns/{c}/detach/{w}/: leave.
    Detach,
}

request_record! {
    /// Joins or leaves a program with an ad space (scope `manage_advcampaigns`); no body.
    ChangeMembership {
        /// Join or leave.
        action: Membership,
        /// The program.
        program: u64,
        /// The ad space.
        website: u64,
    }
}

// Joining twice re-files the same request and leaving twice finds nothing to remove: repeatable.
endpoint!(ChangeMembership => ActionResult, plain, 0, idempotent = true, |s, _q| {
    let verb = match s.action {
        Membership::Attach => "attach",
        Membership::Detach => "detach",
    };
    Send::Form(segs!["advcampaigns", id("program", s.program)?, verb, id("website", s.website)?])
});

response_record! {
    /// A program's connection with one ad space.
    ProgramConnection {
        /// `website_id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        website_id: u64,
        /// `advcampaign_id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        advcampaign_id: u64,
        /// `connection_status` (`active`, `disabled`).
        connection_status: String,
        /// `gotolink`.
        gotolink: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}
with_raw!(ProgramConnection);

request_record! {
    /// GET /subnetworks/v1/advcampaign/{program}/statuses/?websites_id=1,2 (at most 30 ad spaces).
    ProgramStatuses {
        /// The program.
        program: u64,
        /// The ad spaces (1 to 30; sent as one comma list).
        websites: Vec<u64>,
    }
}

endpoint!(ProgramStatuses => Vec<ProgramConnection>, typed_vec, 0, idempotent = true, |s, q| {
    if s.websites.is_empty() {
        return Err(Error::invalid("websites", "give 1 to 30 ad-space ids"));
    }
    q.comma("websites_id", &s.websites, 30)?;
    Send::Get(segs!["subnetworks", "v1", "advcampaign", id("program", s.program)?, "statuses"])
});
